import { CERTIFICATE_LIFETIME_MS } from '../core/device/certificate-renewal.ts';
import type { DeviceIdentityStore } from '../core/device/identity-store.ts';

const DATABASE = 'p2p-direct.identity';
const CERTIFICATES = 'certificate';
const KNOWN_DEVICES = 'known-devices';
/** The one key in the certificate store: this device's own. */
const OWN = 'own';

/**
 * This device's certificate and the devices it has met, in IndexedDB: an RTCCertificate can be
 * stored as it is (it is structured-cloneable, private key included, and the key never leaves the
 * browser). Each known device is its own record, so two tabs adding devices never overwrite each other.
 */
export function indexedDbIdentityStore(): DeviceIdentityStore {
  let database: Promise<IDBDatabase> | undefined;
  const run = <T>(stores: string[], mode: IDBTransactionMode, act: (tx: IDBTransaction) => IDBRequest<T> | void) =>
    (database ??= openDatabase()).then((db) => transact(db, stores, mode, act));
  return {
    loadCertificate: () =>
      run([CERTIFICATES], 'readonly', (tx) => tx.objectStore(CERTIFICATES).get(OWN)).then((value) =>
        value instanceof RTCCertificate ? value : undefined,
      ),
    saveCertificate: (certificate) => run([CERTIFICATES], 'readwrite', (tx) => void tx.objectStore(CERTIFICATES).put(certificate, OWN)),
    generateCertificate: () =>
      // `expires` is a documented parameter that TypeScript's AlgorithmIdentifier does not list.
      RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256', expires: CERTIFICATE_LIFETIME_MS } as EcKeyGenParams),
    isKnownDevice: (fingerprint) =>
      run([KNOWN_DEVICES], 'readonly', (tx) => tx.objectStore(KNOWN_DEVICES).count(fingerprint)).then((count) => count > 0),
    addKnownDevice: (fingerprint) =>
      run([KNOWN_DEVICES], 'readwrite', (tx) => void tx.objectStore(KNOWN_DEVICES).put({ since: Date.now() }, fingerprint)),
    isVerifiedDevice: (fingerprint) =>
      run([KNOWN_DEVICES], 'readonly', (tx) => tx.objectStore(KNOWN_DEVICES).get(fingerprint)).then(
        (record: { verified?: boolean } | undefined) => record?.verified === true,
      ),
    addVerifiedDevice: (fingerprint) =>
      run([KNOWN_DEVICES], 'readwrite', (tx) => {
        // Read and write in one transaction, so the record keeps when the device was first met.
        const devices = tx.objectStore(KNOWN_DEVICES);
        const read = devices.get(fingerprint);
        read.onsuccess = () => devices.put({ since: Date.now(), ...read.result, verified: true }, fingerprint);
      }),
    clear: () =>
      run([CERTIFICATES, KNOWN_DEVICES], 'readwrite', (tx) => {
        tx.objectStore(CERTIFICATES).clear();
        tx.objectStore(KNOWN_DEVICES).clear();
      }),
  };
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(CERTIFICATES);
      request.result.createObjectStore(KNOWN_DEVICES);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves with the request's result once the transaction has committed, so a save is on disk. */
function transact<T>(db: IDBDatabase, stores: string[], mode: IDBTransactionMode, act: (tx: IDBTransaction) => IDBRequest<T> | void): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    const request = act(tx);
    tx.oncomplete = () => resolve(request?.result as T);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
