"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CART_SCRIPT = void 0;
/**
 * One cart operation, checked and applied inside Redis so concurrent requests
 * on any replica cannot interleave. Also slides the TTL of the cart and of its
 * session (connect-redis runs with disableTouch), then returns the cart as
 * HGETALL's flat [sku, qty, ...] list. The session is not read anywhere else
 * (ClaimedSessionStore): a session id with no stored session gets
 * CART_NOSESSION and no cart, whatever cart:<sid> holds.
 *
 * A run that reaches Redis after its deadline (the caller already answered
 * 503, e.g. Redis was frozen while the command sat in its socket) changes
 * nothing and returns CART_LATE: a write answered with an error must not land
 * later. The deadline is the replica's clock, compared with Redis' TIME: it
 * assumes clocks agree to well within REDIS_COMMAND_TIMEOUT_MS (one host in
 * the lab; NTP elsewhere).
 *
 * KEYS: cart:<sid>, sess:<sid>
 * ARGV: op (get|add|set|remove|clear), sku, qty, ttl seconds, max qty, max lines, deadline (ms since the epoch)
 */
exports.CART_SCRIPT = `
local cart, sess = KEYS[1], KEYS[2]
local op, sku = ARGV[1], ARGV[2]
local qty, ttl = tonumber(ARGV[3]), tonumber(ARGV[4])
local maxQty, maxLines = tonumber(ARGV[5]), tonumber(ARGV[6])
local now = redis.call('TIME')
if tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) > tonumber(ARGV[7]) then
  return redis.error_reply('CART_LATE')
end
if redis.call('EXISTS', sess) == 0 then return redis.error_reply('CART_NOSESSION') end
if op == 'add' then
  local cur = tonumber(redis.call('HGET', cart, sku) or '0')
  if cur == 0 and redis.call('HLEN', cart) >= maxLines then return redis.error_reply('CART_LINES') end
  if cur + qty > maxQty then return redis.error_reply('CART_QTY') end
  redis.call('HSET', cart, sku, cur + qty)
elseif op == 'set' then
  if redis.call('HEXISTS', cart, sku) == 0 then return redis.error_reply('CART_NOLINE') end
  if qty > maxQty then return redis.error_reply('CART_QTY') end
  redis.call('HSET', cart, sku, qty)
elseif op == 'remove' then
  if redis.call('HDEL', cart, sku) == 0 then return redis.error_reply('CART_NOLINE') end
elseif op == 'clear' then
  redis.call('DEL', cart)
end
redis.call('EXPIRE', cart, ttl)
redis.call('EXPIRE', sess, ttl)
return redis.call('HGETALL', cart)
`;
//# sourceMappingURL=cart.lua.js.map