package com.zemo.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.RedissonClient;
import com.zemo.platform.ZemoDb;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

/** /health/ready: PostgreSQL and Redis answer. /health/live: the application is deployed. */
@ApplicationScoped
public class ReadinessChecks {

    @Inject
    @ZemoDb
    DataSource dataSource;

    @Inject
    RedissonClient redis;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.setQueryTimeout(3);
                s.execute("SELECT 1");
                return HealthCheckResponse.up("database");
            } catch (Exception e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck redis() {
        return () -> {
            try {
                boolean ok = redis.getNodesGroup().pingAll();
                return HealthCheckResponse.named("redis").status(ok).build();
            } catch (Exception e) {
                return HealthCheckResponse.named("redis").down().withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> HealthCheckResponse.up("zemo");
    }
}
