// The sandboxed preload: one CommonJS file that requires only 'electron' (see preload.test.ts).
import { contextBridge, ipcRenderer } from 'electron';
import { exposePosBridge, versionFromArgv } from './expose-pos-bridge';

exposePosBridge(contextBridge, ipcRenderer, versionFromArgv(process.argv));
