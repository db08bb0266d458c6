package cn.shaoxing.pilotbase.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity seeding settings. {@code seedDemoUsers} is true only in the demo profile; in production
 * the first administrator comes from PILOTBASE_ADMIN_ID / PILOTBASE_ADMIN_PASSWORD.
 */
@ConfigurationProperties("pilotbase.identity")
public record IdentityProperties(
    boolean seedDemoUsers, String adminId, String adminPassword, String adminEmail) {}
