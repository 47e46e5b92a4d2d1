package com.zemo.platform;

import com.zemo.identity.entity.Role;
import com.zemo.identity.entity.User;
import com.zemo.jobs.entity.Job;
import com.zemo.jobs.entity.JobStatus;
import com.zemo.prompts.entity.Prompt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Empty database → latest schema, then the JPA mapping checked against what Flyway built. */
class SchemaMigrationTest {
    static EmbeddedPostgres pg;
    static DataSource ds;
    static EntityManagerFactory emf;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        ds = pg.getDatabase("postgres", "postgres", Map.of("stringtype", "unspecified"));
        assertThat(SchemaMigrator.migrate(ds)).isGreaterThan(0);
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", "");
        props.put("jakarta.persistence.nonJtaDataSource", ds);
        props.put("eclipselink.logging.level", "WARNING");
        emf = Persistence.createEntityManagerFactory("zemo", props);
    }

    @AfterAll
    static void stop() throws Exception {
        if (emf != null) {
            emf.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void secondMigrationIsANoOp() {
        assertThat(SchemaMigrator.migrate(ds)).isZero();
        assertThat(SchemaMigrator.currentVersion(ds)).isNotBlank();
    }

    @Test
    void extensionsAreInstalled() throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT string_agg(extname, ',') FROM pg_extension")) {
            rs.next();
            assertThat(rs.getString(1)).contains("pgcrypto").contains("uuid-ossp");
        }
    }

    @Test
    void everyEntityMapsOntoTheMigratedSchema() {
        EntityManager em = emf.createEntityManager();
        try {
            for (EntityType<?> type : em.getMetamodel().getEntities()) {
                // Selecting every mapped column fails on any column or table the migrations lack.
                em.createQuery("SELECT e FROM " + type.getName() + " e", type.getJavaType()).setMaxResults(1).getResultList();
            }
            assertThat(em.getMetamodel().getEntities()).hasSizeGreaterThanOrEqualTo(13);
        } finally {
            em.close();
        }
    }

    @Test
    void entitiesRoundTrip() {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            User u = new User("roundtrip", "$2a$10$abc", Set.of(Role.EDITOR, Role.VIEWER));
            em.persist(u);
            Prompt p = new Prompt(null, "t", "Write about {{keyword}}", "gpt-4o-mini", new BigDecimal("0.7"), 1000);
            em.persist(p);
            Job j = new Job("maintenance", null, null, "{\"days\": 30}", "req-1");
            em.persist(j);
            em.getTransaction().commit();
            em.clear();
            User back = em.createNamedQuery(User.BY_USERNAME, User.class).setParameter("username", "ROUNDTRIP").getSingleResult();
            assertThat(back.getRoles()).containsExactlyInAnyOrder(Role.EDITOR, Role.VIEWER);
            assertThat(em.find(Prompt.class, p.getId()).current().getBody()).contains("{{keyword}}");
            Job jb = em.find(Job.class, j.getId());
            assertThat(jb.getStatus()).isEqualTo(JobStatus.QUEUED);
            assertThat(jb.getParams()).contains("days");
        } finally {
            em.close();
        }
    }
}
