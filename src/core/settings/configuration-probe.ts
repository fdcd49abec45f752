import { errorDetail } from '../util/error-detail.ts';
import { err, ok, type Result } from '../util/result.ts';

/**
 * Whether the browser takes a configuration: Ok, or the browser's own words. The form's checks
 * cover the URL grammar; this covers whatever a browser refuses beyond it, so that a setting which
 * would make every new RTCPeerConnection throw is never saved.
 */
export type ConfigurationProbe = (config: RTCConfiguration) => Result<void, string>;

/** Tries the configuration on a connection from the platform's factory, which is closed at once. */
export function probeWith(createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection): ConfigurationProbe {
  return (config) => {
    let pc: RTCPeerConnection | undefined;
    try {
      pc = createPeerConnection(config);
      return ok(undefined);
    } catch (error) {
      return err(errorDetail(error));
    } finally {
      pc?.close();
    }
  };
}
