import { ChatFeature } from '../chat/chat-feature.ts';
import { DeviceIdentity } from '../device/device-identity.ts';
import { PeerRecognition } from '../device/peer-recognition.ts';
import { CallFeature } from '../media/call-feature.ts';
import type { MediaAccess } from '../media/media-access.ts';
import { mediaErrorCode, type MediaErrorCode } from '../media/media-error.ts';
import type { Conversation } from '../session/conversation.ts';
import { IceRestartFeature } from '../session/ice-restart.ts';
import type { SessionFeature } from '../session/feature.ts';
import { PeerSession } from '../session/peer-session.ts';
import { screenFor, type Screen } from '../session/screen.ts';
import { probeWith } from '../settings/configuration-probe.ts';
import { SettingsModel } from '../settings/settings-model.ts';
import { lazyCodec } from '../signal/index.ts';
import { TransferFeature } from '../transfer/transfer-feature.ts';
import { err, ok, type Result } from '../util/result.ts';
import { VerificationFeature } from '../verification/verification-feature.ts';
import { KeepAwake } from './keep-awake.ts';
import type { Platform } from './platform.ts';

/** One device's side of a conversation: the session and the features that ride on its link. */
export interface App {
  readonly session: PeerSession;
  /** What the session's links carry on; a reconnect continues it. */
  readonly conversation: Conversation;
  readonly chat: ChatFeature;
  readonly calls: CallFeature;
  readonly transfers: TransferFeature;
  readonly settings: SettingsModel;
  /** This device's lasting certificate and the devices it has met, where the platform keeps them. */
  readonly identity: DeviceIdentity | undefined;
  /** Whether the connected device has connected to this one before. */
  readonly recognition: PeerRecognition;
  /** The code the two people compare; their answer ends a link that runs through someone else. */
  readonly verification: VerificationFeature;
  /** Whether a transfer or a call runs, and the screen is kept on for it. */
  readonly keepAwake: KeepAwake;
  /** The platform's camera, microphone and screen, if it has them (the scanner uses the camera). */
  readonly media: MediaAccess | undefined;
  /** Asks for the camera and stops it at once; Chromium then reveals the device's local addresses. */
  revealLocalAddresses(): Promise<Result<void, MediaErrorCode>>;
  /** What the page shows now (screen.ts): the session's state, and whether its conversation can go on. */
  screen(): Screen;
}

export interface AppOptions {
  /** More features on this app's links, e.g. a group's protocol (group/member-link-feature.ts). */
  readonly features?: readonly SessionFeature[];
  /** The device's identity, when several apps share one (a group's links); else made here from the platform's store. */
  readonly identity?: DeviceIdentity | undefined;
}

/** Wires the core together on a platform: the same for the page, a terminal peer and the tests. */
export function createApp(platform: Platform, options: AppOptions = {}): App {
  const settings = new SettingsModel(platform.settingsStore, probeWith(platform.createPeerConnection));
  const chat = new ChatFeature();
  const calls = new CallFeature(platform.media);
  const transfers = new TransferFeature(platform.receivedFiles);
  // Received files are kept only until saved: what an earlier visit left behind goes now.
  void platform.receivedFiles.clear();
  const identity = options.identity ?? (platform.deviceIdentity && new DeviceIdentity(platform.deviceIdentity));
  const recognition = new PeerRecognition(identity);
  // The session is made below with the features; the verification only ends links once one is up.
  const verification = new VerificationFeature(identity, () => session.reset());
  const session: PeerSession = new PeerSession({
    createPeerConnection: (config) => platform.createPeerConnection(identity?.withCertificate(config) ?? config),
    codec: lazyCodec,
    settings: () => settings.current,
    features: [chat, calls, transfers, new IceRestartFeature(platform.networkChanges), recognition, verification, ...(options.features ?? [])],
  });
  return {
    session,
    conversation: session.conversation,
    chat,
    calls,
    transfers,
    settings,
    identity,
    recognition,
    verification,
    keepAwake: new KeepAwake(platform.wakeLock, calls, transfers),
    media: platform.media,
    screen: () => screenFor(session.state, { inConversation: session.conversation.id !== undefined }),
    async revealLocalAddresses() {
      if (!platform.media) return err('no-device');
      try {
        const stream = await platform.media.getUserMedia({ video: true });
        for (const track of stream.getTracks()) track.stop();
        return ok(undefined);
      } catch (error) {
        return err(mediaErrorCode(error));
      }
    },
  };
}
