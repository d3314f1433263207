import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const executableName = process.platform === 'win32' ? 'ollama.exe' : 'ollama';

/** Where the official installers put Ollama, for when PATH does not have it (a GUI app's PATH is short). */
export function usualInstallPlaces(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return ['/Applications/Ollama.app/Contents/Resources/ollama', '/opt/homebrew/bin/ollama', '/usr/local/bin/ollama'];
  }
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local');
    return [join(local, 'Programs', 'Ollama', 'ollama.exe')];
  }
  return ['/usr/local/bin/ollama', '/usr/bin/ollama', '/snap/bin/ollama', join(homedir(), '.local', 'bin', 'ollama')];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface BinaryLookup {
  path: string | null;
  /** Every place looked at, in order, so "not found" can say where it looked. */
  searched: string[];
}

/** OLLAMA_BIN first, then PATH, then the installers' usual places. */
export function findOllamaBinary(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): BinaryLookup {
  const searched: string[] = [];
  if (env.OLLAMA_BIN) {
    searched.push(env.OLLAMA_BIN);
    return { path: isExecutable(env.OLLAMA_BIN) ? env.OLLAMA_BIN : null, searched };
  }
  const fromPath = (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, executableName));
  for (const candidate of [...fromPath, ...usualInstallPlaces(platform, env)]) {
    searched.push(candidate);
    if (isExecutable(candidate)) return { path: candidate, searched };
  }
  return { path: null, searched };
}
