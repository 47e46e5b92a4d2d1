package com.zemo.ops.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Reloads the traffic switch every 5 s on every node: the bound on how late a node sees a change whose broadcast it missed. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrafficRoutesRefresh {
    @Inject
    TrafficRoutes routes;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "traffic switch reload")
    void reload() {
        routes.refresh();
    }
}
