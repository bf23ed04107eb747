package dev.keel.support.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's OpenAPI document says about the service itself.
 *
 * @param title the document's title, such as {@code Keel auth-service}
 * @param description what the service does, in CommonMark
 */
@ConfigurationProperties("keel.api-docs")
public record KeelApiDocsProperties(@DefaultValue("Keel") String title, @DefaultValue("") String description) {

}
