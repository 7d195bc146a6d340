package dev.ipmi.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipmi.gateway.auth.Authenticator;
import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.auth.Role;
import dev.ipmi.gateway.console.ConsoleHub;
import java.io.IOException;
import java.io.InputStream;

/** The REST API and the console of issue 13: every route with the role it needs. */
final class ApiRoutes implements Routes.RouteModule {
    private final HealthHandler health;
    private final LoginHandler login;
    private final BmcHandler bmc;
    private final PowerHandler power;
    private final BootHandler boot;
    private final SensorHandler sensors;
    private final SelHandler sel;
    private final FruHandler fru;
    private final BulkPowerHandler bulk;
    private final ConsoleHandler console;
    private final SidecarHandler sidecar;
    private final byte[] openApi;

    ApiRoutes(BmcDirectory bmcs, Authenticator auth, ObjectMapper json, Problems problems, Guard guard, ConsoleHub hub,
              java.time.Duration powerWait, SidecarHandler.Target sidecarTarget) {
        this.health = new HealthHandler(bmcs);
        this.login = new LoginHandler(auth, json);
        this.power = new PowerHandler(bmcs, json, powerWait);
        this.bmc = new BmcHandler(bmcs, power);
        this.boot = new BootHandler(bmcs, json);
        this.sensors = new SensorHandler(bmcs);
        this.sel = new SelHandler(bmcs);
        this.fru = new FruHandler(bmcs);
        this.bulk = new BulkPowerHandler(bmcs, power, json, problems);
        this.console = new ConsoleHandler(guard, hub);
        this.sidecar = new SidecarHandler(bmcs, power, sidecarTarget);
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json missing from the jar");
            }
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.json", e);
        }
    }

    @Override
    public void register(Routes r) {
        r.publicGet("/health", health::get);
        r.publicGet("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        r.publicPost("/api/v1/login", login::post);
        r.get("/api/v1/bmcs", Command.BMC_LIST, bmc::list);
        r.get("/api/v1/bmcs/{name}", Command.BMC_INFO, bmc::detail);
        r.get("/api/v1/bmcs/{name}/power", Command.POWER_STATUS, power::get);
        // the command depends on the body's action; the handler authorizes it
        r.post("/api/v1/bmcs/{name}/power", Role.OPERATOR, power::post);
        r.get("/api/v1/bmcs/{name}/boot", Command.BOOT_READ, boot::get);
        r.put("/api/v1/bmcs/{name}/boot", Command.BOOT_SET, boot::put);
        r.get("/api/v1/bmcs/{name}/sensors", Command.SENSORS_READ, sensors::get);
        r.get("/api/v1/bmcs/{name}/sel", Command.SEL_READ, sel::get);
        r.delete("/api/v1/bmcs/{name}/sel", Command.SEL_CLEAR, sel::delete);
        r.get("/api/v1/bmcs/{name}/fru", Command.FRU_READ, fru::get);
        // viewers may ask for status; the handler authorizes each action's command
        r.post("/api/v1/power", Role.VIEWER, bulk::post);
        r.get("/power/status", Command.POWER_STATUS, sidecar::status);
        for (SidecarHandler.Route s : SidecarHandler.ROUTES) {
            r.post("/power/" + s.path(), s.command(), ctx -> sidecar.action(ctx, s));
        }
        r.webSocket("/api/v1/bmcs/{name}/console", console::upgrade, console::socket);
    }
}
