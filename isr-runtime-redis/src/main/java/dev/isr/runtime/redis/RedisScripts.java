package dev.isr.runtime.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts of the shared layout (see README: one round trip per step, atomic in Redis). Every
 * key a script touches carries the namespace's hash tag, so all of them live in one cluster slot;
 * tag keys are built inside the scripts from the tag prefix, as their names come from the entry.
 */
final class RedisScripts {

    /**
     * The entry at {@code entryKey} if no invalidation came after its fetch began: its generation is
     * the namespace's current one and each of its tags still has the version it had then (a tag key
     * that does not exist counts as 0). Returns nil for a missing or invalidated entry.
     */
    private static final String VALID_ENTRY = """
            local function valid_entry(entry_key, gen_key, tag_prefix)
              local e = redis.call('HMGET', entry_key, 'v', 't', 'g', 'tv')
              if not e[1] or not e[2] then return nil end
              if tonumber(e[3]) ~= tonumber(redis.call('GET', gen_key) or '0') then return nil end
              if e[4] and e[4] ~= '' then
                for tag, version in pairs(cjson.decode(e[4])) do
                  if tonumber(redis.call('GET', tag_prefix .. tag) or '0') ~= tonumber(version) then return nil end
                end
              end
              return e
            end
            """;

    /** KEYS: entry, gen. ARGV: tag prefix. Returns {v, t}, or {} if there is no valid entry. */
    static final Script GET = new Script(VALID_ENTRY + """
            local e = valid_entry(KEYS[1], KEYS[2], ARGV[1])
            if not e then return {} end
            return {e[1], e[2]}
            """);

    /**
     * KEYS: entry, gen, lease, backoff. ARGV: tag prefix, seen fetch time ('' for none), refresh ('1'
     * or '0'), lease token, lease ms, tags... Returns {'entry', v, t} for a valid entry of another fetch
     * time; {'busy'} while another holds the lease (or, for a refresh, while the key backs off); else
     * takes the lease and returns {'lease', gen, tag versions...} as they are at this moment.
     */
    static final Script CLAIM = new Script(VALID_ENTRY + """
            local e = valid_entry(KEYS[1], KEYS[2], ARGV[1])
            if e and e[2] ~= ARGV[2] then return {'entry', e[1], e[2]} end
            if ARGV[3] == '1' and redis.call('EXISTS', KEYS[4]) == 1 then return {'busy'} end
            if not redis.call('SET', KEYS[3], ARGV[4], 'NX', 'PX', ARGV[5]) then return {'busy'} end
            local out = {'lease', redis.call('GET', KEYS[2]) or '0'}
            for i = 6, #ARGV do out[#out + 1] = redis.call('GET', ARGV[1] .. ARGV[i]) or '0' end
            return out
            """);

    /**
     * KEYS: entry, gen, lease. ARGV: token, v, t, g, tv (JSON), expiry ms, tag prefix, then tag and
     * version pairs. Stores only if the lease still holds the token and neither the generation nor a
     * tag version moved since the claim (R5); releases the lease either way. Returns 1 if stored.
     */
    static final Script PUT = new Script("""
            if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[3])
            if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[4] then return 0 end
            for i = 8, #ARGV, 2 do
              if (redis.call('GET', ARGV[7] .. ARGV[i]) or '0') ~= ARGV[i + 1] then return 0 end
            end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'v', ARGV[2], 't', ARGV[3], 'g', ARGV[4], 'tv', ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            return 1
            """);

    /**
     * KEYS: lease, backoff, entry. ARGV: token, backoff base ms (0: none), backoff cap ms. Deletes the
     * lease if it still holds the token. With a base, counts the failure in the entry's field 'f' and
     * sets the backoff key for base * 2^(failures - 1) ms, at most the cap; a stored refresh rewrites
     * the entry and so resets the count.
     */
    static final Script RELEASE = new Script("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
            local base = tonumber(ARGV[2])
            if base > 0 then
              local failures = 1
              if redis.call('EXISTS', KEYS[3]) == 1 then failures = redis.call('HINCRBY', KEYS[3], 'f', 1) end
              local delay = math.min(base * 2 ^ math.min(failures - 1, 40), tonumber(ARGV[3]))
              redis.call('SET', KEYS[2], '1', 'PX', string.format('%d', delay))
            end
            return 1
            """);

    private RedisScripts() {
    }

    /** A script and its SHA-1, for EVALSHA (EVAL only when Redis does not know it yet, e.g. after a restart). */
    record Script(String source, String sha) {

        Script(String source) {
            this(source, sha1(source));
        }

        private static String sha1(String source) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(source.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-1", e);
            }
        }
    }
}
