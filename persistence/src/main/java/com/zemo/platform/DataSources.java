package com.zemo.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Produces the server's jdbc/zemo pool for any bean, in any module. A global JNDI lookup rather than
 * {@code @Resource}: in the EAR, resource references of library and web-module beans do not resolve the same
 * way as in the WAR on Payara Micro (the EAR smoke test failed on exactly that).
 */
@ApplicationScoped
public class DataSources {
    public static final String JNDI_NAME = "jdbc/zemo";

    private volatile DataSource zemo;

    @Produces
    @ZemoDb
    DataSource zemo() {
        DataSource ds = zemo;
        if (ds == null) {
            try {
                ds = (DataSource) new InitialContext().lookup(JNDI_NAME);
            } catch (NamingException e) {
                throw new IllegalStateException("no data source " + JNDI_NAME + " in this server (see config/payara)", e);
            }
            zemo = ds;
        }
        return ds;
    }
}
