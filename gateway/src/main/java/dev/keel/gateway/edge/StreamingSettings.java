package dev.keel.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The paths whose bodies stream between client and service, under
 * {@code keel.gateway.streaming}.
 *
 * @param paths path patterns in the syntax of the routes' {@code Path} predicates, such
 * as {@code /api/storage/**}: the body limit does not apply to them and the gateway never
 * holds their request bodies
 */
@ConfigurationProperties("keel.gateway.streaming")
record StreamingSettings(@DefaultValue List<String> paths) {

}
