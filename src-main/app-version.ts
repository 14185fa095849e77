import packageJson from '../package.json';

/** The version both hosts report (`app.info`) and the updater compares. */
export const appVersion: string = packageJson.version;
