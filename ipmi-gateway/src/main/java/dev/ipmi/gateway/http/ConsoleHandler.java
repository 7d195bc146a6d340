package dev.ipmi.gateway.http;

import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.auth.Principal;
import dev.ipmi.gateway.auth.Role;
import dev.ipmi.gateway.console.ConsoleHub;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import java.nio.ByteBuffer;

/**
 * {@code WS /api/v1/bmcs/{name}/console}: binary frames carry console bytes both ways; text frames
 * carry JSON control messages ({@code {"type":"break"}} in, hello/role/event/error out). The
 * credential is checked before the upgrade (so refusals are plain HTTP problems); browsers, which
 * cannot set headers on a WebSocket, pass their login token as {@code ?token=}.
 */
final class ConsoleHandler {
    private final Guard guard;
    private final ConsoleHub hub;

    ConsoleHandler(Guard guard, ConsoleHub hub) {
        this.guard = guard;
        this.hub = hub;
    }

    void upgrade(Context ctx) {
        boolean takeover = takeover(ctx.queryParam("takeover"));
        Principal p = guard.check(ctx::header, ctx.queryParam("token"), ctx.pathParamMap(),
                takeover ? Role.OPERATOR : Role.VIEWER);
        Guard.authorize(p, takeover ? Command.CONSOLE_WRITE : Command.CONSOLE_OPEN, ctx.pathParam("name"));
        ctx.attribute(Requests.PRINCIPAL, p);
    }

    private static boolean takeover(String q) {
        if (q == null || q.equals("false")) {
            return false;
        }
        if (q.equals("true")) {
            return true;
        }
        throw ApiProblem.badField("takeover", "'takeover' must be true or false");
    }

    void socket(WsConfig ws) {
        ws.onConnect(c -> {
            boolean takeover = takeover(c.queryParam("takeover"));
            Principal p = c.attribute(Requests.PRINCIPAL);
            if (p == null) {
                p = guard.check(c::header, c.queryParam("token"), c.pathParamMap(), takeover ? Role.OPERATOR : Role.VIEWER);
                Guard.authorize(p, takeover ? Command.CONSOLE_WRITE : Command.CONSOLE_OPEN, c.pathParam("name"));
            }
            String name = c.pathParam("name");
            c.enableAutomaticPings();
            Audit.record(p, takeover ? "console.takeover" : "console.open", name, "ok");
            hub.attach(name, c.session, p, takeover);
        });
        ws.onBinaryMessage(m -> {
            ByteBuffer b = m.data();
            byte[] data = new byte[b.remaining()];
            b.get(data);
            hub.input(m.session, data);
        });
        ws.onMessage(m -> hub.control(m.session, m.message()));
        ws.onClose(c -> hub.detach(c.session));
        ws.onError(c -> hub.detach(c.session));
    }
}
