// Reading HAProxy's `show servers state`, as both drivers do for a replica's
// `health`. The answer below is HAProxy's own (2.6, captured from a socket):
// app1's check fails, app2 is in maintenance, app3's check passes.
import { healthOf, parseServersState, serversStateCommand } from './runtime-api';

const ANSWER = [
  '1',
  '# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port',
  '2 lab_backend 1 app1 127.0.0.1 0 0 1 1 1 8 2 0 6 0 0 1 - 9 - 0 0 - - 0',
  '2 lab_backend 2 app2 127.0.0.1 0 5 1 1 1 1 0 0 14 0 0 1 - 9 - 0 0 - - 0',
  '2 lab_backend 3 app3 127.0.0.1 2 0 1 1 1 6 3 3 6 0 0 1 - 47123 - 0 0 - - 0',
  '',
].join('\n');

it('reads one row per server by column name, not the format version line before the header', () => {
  expect(parseServersState(ANSWER)).toEqual([
    { name: 'app1', id: 1, opState: 0, adminState: 0, weight: 1 },
    { name: 'app2', id: 2, opState: 0, adminState: 5, weight: 1 },
    { name: 'app3', id: 3, opState: 2, adminState: 0, weight: 1 },
  ]);
});

it('maps operational state 0 (check failed, or maintenance) to down and the rest to up', () => {
  expect(healthOf(parseServersState(ANSWER))).toEqual({ app1: 'down', app2: 'down', app3: 'up' });
});

it('refuses an answer that is not the table (an error text), rather than reading no server as healthy', () => {
  expect(() => parseServersState("Can't find backend.\n")).toThrow(/unexpected "show servers state" answer: Can't find backend/);
});

it('builds the command only from a plain backend name', () => {
  expect(serversStateCommand()).toBe('show servers state lab_backend');
  expect(() => serversStateCommand('x;shutdown sessions')).toThrow(/bad backend name/);
});
