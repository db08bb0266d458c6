package cn.shaoxing.pilotbase.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of {@link LoginThrottle} ({@code pilotbase.security.login-throttle.*}).
 *
 * @param enabled off only for experiments; the engine's own short delay stays either way
 * @param maxFailuresPerUser failed logins for one user name from one address before that pair is refused
 * @param maxFailuresPerAddress failed logins from one address, whatever the user names, before every
 *     login from it is refused (password spraying); larger, because an office behind one NAT address
 *     shares it
 * @param window failures are forgotten after this long without a failure or block
 * @param firstBlock the first refusal lasts this long; each further failure after it doubles it
 * @param maxBlock the cap of the doubling
 */
@ConfigurationProperties("pilotbase.security.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5") int maxFailuresPerUser,
    @DefaultValue("30") int maxFailuresPerAddress,
    @DefaultValue("15m") Duration window,
    @DefaultValue("1m") Duration firstBlock,
    @DefaultValue("15m") Duration maxBlock) {}
