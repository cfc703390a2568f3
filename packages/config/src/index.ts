export { configSchema, type Config } from './schema';
export { loadConfig, loadConfigOrExit, ConfigError } from './load-config';
