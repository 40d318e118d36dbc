// The nginx side of the lab: render a strategy from nginx/templates (with the
// same upstream script the Docker image runs) and run the machine's nginx.
export { nginxBinary, nginxVersion, supportsNativeSticky } from './version';
export { renderNginx, formatListen, generationTag } from './render';
export type { NginxReplica, Listen, StickyMode, RenderOptions, RenderResult, RenderMeta } from './render';
export { readAccessLog, parseAccessLog } from './access-log';
export type { AccessLogEntry } from './access-log';
export { runPaths } from './main-conf';
export { envsubst, UndefinedTemplateVariableError } from './envsubst';
export { runUpstreamsScript } from './upstreams';
export { nginxAssetsDir, templatesDir, upstreamsScript } from './paths';
export { fetchGeneration, testConfig } from './control';
export { NginxProcess } from './process';
export type { NginxStartOptions } from './process';
