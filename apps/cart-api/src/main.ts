import { AppConfig, ConfigError, loadConfig } from './config/config';

function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`cart-api: ${err.message}\n`);
    process.exit(1);
  }
}

// The config is checked before Nest is even loaded, so a typo fails in
// milliseconds rather than after the framework boots.
const config = configOrExit();
(require('./bootstrap') as typeof import('./bootstrap')).bootstrap(config).catch((err: Error) => {
  process.stderr.write(`cart-api: failed to start: ${err.message}\n`);
  process.exit(1);
});
