/**
 * IPC channel names (Electron door). Kept free of any dependency: the sandboxed preload
 * bundles this file and can load nothing but Electron's own modules.
 */
export const IPC_INVOKE = 'lesesaal:invoke'
export const IPC_EVENT = 'lesesaal:event'
