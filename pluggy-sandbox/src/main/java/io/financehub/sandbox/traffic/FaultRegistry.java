package io.financehub.sandbox.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.financehub.sandbox.api.PluggyException;
import io.financehub.sandbox.config.SandboxConfig;
import io.financehub.sandbox.data.Det;
import jakarta.enterprise.context.ApplicationScoped;

/** The faults in force. Whether a call at a rate is hit is drawn from a per-rule seeded stream: reproducible. */
@ApplicationScoped
public class FaultRegistry {

    private final SandboxConfig config;
    private final Map<String, Active> rules = new ConcurrentHashMap<>();
    private final AtomicLong ordinal = new AtomicLong();

    private static final class Active {
        final FaultRule rule;
        final Pattern pattern;
        final SplittableRandom random;
        Integer remaining;
        long fired;

        Active(FaultRule rule, Pattern pattern, long seed) {
            this.rule = rule;
            this.pattern = pattern;
            this.random = new SplittableRandom(seed);
            this.remaining = rule.count();
        }

        synchronized FaultRule view() {
            return new FaultRule(rule.id(), rule.path(), rule.method(), rule.kind(), rule.latencyMs(), rule.rate(),
                    rule.count(), rule.retryAfterSeconds(), remaining, fired);
        }
    }

    public FaultRegistry(SandboxConfig config) {
        this.config = config;
    }

    public FaultRule add(FaultRule request) {
        if (request == null || request.path() == null || request.kind() == null
                || !FaultRule.KINDS.contains(request.kind())) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "path and kind (one of " + FaultRule.KINDS
                    + ") are required");
        }
        if (request.rate() != null && (request.rate() <= 0 || request.rate() > 1)) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "rate must be in (0, 1]");
        }
        long n = ordinal.getAndIncrement();
        String id = Det.uuid(config.seed(), "fault", n).toString();
        FaultRule rule = new FaultRule(id, request.path(), request.method() == null ? null
                : request.method().toUpperCase(), request.kind(), request.latencyMs(), request.rate(), request.count(),
                request.retryAfterSeconds(), request.count(), 0);
        rules.put(id, new Active(rule, glob(request.path()), Det.hash(config.seed(), "fault".hashCode(), n)));
        return rule;
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder("^");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.append("/?$").toString());
    }

    public List<FaultRule> list() {
        List<FaultRule> out = new ArrayList<>();
        rules.values().forEach(a -> out.add(a.view()));
        return out;
    }

    public boolean remove(String id) {
        return rules.remove(id) != null;
    }

    public void clear() {
        rules.clear();
        ordinal.set(0);
    }

    /** The fault this call hits, if any; consumes one of a rule's counted calls. */
    public Optional<FaultRule> hit(String method, String path) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        for (Active a : rules.values()) {
            if ((a.rule.method() != null && !a.rule.method().equals(method)) || !a.pattern.matcher(path).matches()) {
                continue;
            }
            synchronized (a) {
                if (a.remaining != null && a.remaining <= 0) {
                    continue;
                }
                if (a.rule.rate() != null && a.random.nextDouble() >= a.rule.rate()) {
                    continue;
                }
                if (a.remaining != null) {
                    a.remaining--;
                }
                a.fired++;
                return Optional.of(a.rule);
            }
        }
        return Optional.empty();
    }
}
