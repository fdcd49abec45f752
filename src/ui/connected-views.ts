/**
 * Views that only a connected session shows. p2p-app loads this module once the link is up, so
 * the start screen does not pay for them (custom elements upgrade when their definition arrives).
 */
import './components/p2p-call.ts';
import './components/p2p-files.ts';
import './components/p2p-peer-recognition.ts';
import './components/p2p-stats.ts';
import './components/p2p-verification.ts';
import './group/p2p-group.ts';
