package com.zemo.platform.boundary;

import com.zemo.platform.ZemoException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Page messages in the user's language; a service's refusal becomes a message, never a stack trace. */
public final class Messages {
    private Messages() {
    }

    public static String text(String key, Object... args) {
        FacesContext fc = FacesContext.getCurrentInstance();
        ResourceBundle bundle = fc.getApplication().getResourceBundle(fc, "msg");
        String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
        return args.length == 0 ? pattern : new MessageFormat(pattern, fc.getViewRoot().getLocale()).format(args);
    }

    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, text(key, args));
    }

    public static void error(String clientId, String message) {
        add(clientId, FacesMessage.SEVERITY_ERROR, message);
    }

    /** A ZemoException's message is written for people; anything else gets the generic text and the request id. */
    public static void failure(RuntimeException e) {
        ZemoException z = unwrap(e);
        if (z != null) {
            add(null, FacesMessage.SEVERITY_ERROR, z.getMessage());
        } else {
            String requestId = com.zemo.platform.LogContext.get(com.zemo.platform.LogContext.REQUEST_ID);
            add(null, FacesMessage.SEVERITY_ERROR, text("error.generic", requestId == null ? "-" : requestId));
        }
    }

    /**
     * A refusal of the request's input goes next to the field it names ({@code clientIdOf} maps the service's message
     * to a component's client id, or null); anything else is a page message as in {@link #failure}.
     */
    public static void failureAt(RuntimeException e, java.util.function.Function<String, String> clientIdOf) {
        ZemoException z = unwrap(e);
        String clientId = z != null && z.kind() == ZemoException.Kind.INVALID ? clientIdOf.apply(z.getMessage()) : null;
        if (clientId != null) {
            add(clientId, FacesMessage.SEVERITY_ERROR, z.getMessage());
        } else {
            failure(e);
        }
    }

    /** What a refusal says, for a message that names its item (bulk actions); the exception's class otherwise. */
    public static String describe(RuntimeException e) {
        ZemoException z = unwrap(e);
        return z != null ? z.getMessage() : e.getClass().getSimpleName();
    }

    static ZemoException unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ZemoException z) {
                return z;
            }
        }
        return null;
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
