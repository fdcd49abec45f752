import type { App } from '../../core/app/create-app.ts';
import type { GroupApp } from '../../core/group/group-app.ts';
import type { Screen } from '../../core/session/screen.ts';

/** The first link's screen; while other members are linked, the conversation goes on without it. */
export function pageScreen(app: App, groupApp: GroupApp | undefined): Screen {
  const screen = app.screen();
  const others = groupApp?.group.linkedMembers().some((member) => member.app !== app);
  return screen.name === 'connect' && others ? { name: 'conversation', live: false } : screen;
}
