package dev.keel.deployment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Every built-in object against the Kubernetes API's own schema, through the official
 * Java client's generated models: they refuse unknown fields (a misspelt
 * {@code readinesProbe}), missing required ones and values of the wrong type, which
 * {@code kubectl kustomize} lets through and only the API server would reject. Operator
 * resources (MongoDBCommunity, Kafka, ScaledObject) have no model here and are left to
 * their operators' CRDs.
 */
final class SchemaCheck {

	private static final Map<String, Class<?>> MODELS = Map.ofEntries(
			Map.entry("apps/v1 Deployment", V1Deployment.class), Map.entry("apps/v1 StatefulSet", V1StatefulSet.class),
			Map.entry("v1 Service", V1Service.class), Map.entry("v1 ConfigMap", V1ConfigMap.class),
			Map.entry("v1 Secret", V1Secret.class), Map.entry("v1 Namespace", V1Namespace.class),
			Map.entry("v1 PersistentVolumeClaim", V1PersistentVolumeClaim.class),
			Map.entry("networking.k8s.io/v1 Ingress", V1Ingress.class),
			Map.entry("networking.k8s.io/v1 NetworkPolicy", V1NetworkPolicy.class),
			Map.entry("policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class),
			Map.entry("autoscaling/v2 HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class));

	/** Groups whose resources come with an operator, not with Kubernetes. */
	static final Set<String> OPERATOR_GROUPS = Set.of("mongodbcommunity.mongodb.com", "kafka.strimzi.io", "keda.sh");

	private static final Gson gson = new Gson();

	private SchemaCheck() {
	}

	static List<String> problems(Rendering rendering) {
		List<String> problems = new ArrayList<>();
		for (Resource resource : rendering.resources()) {
			String apiVersion = Yamls.stringAt(resource.body(), "apiVersion");
			Class<?> model = MODELS.get(apiVersion + " " + resource.kind());
			if (model == null) {
				if (!OPERATOR_GROUPS.contains(apiVersion.substring(0, Math.max(0, apiVersion.indexOf('/'))))) {
					problems
						.add(resource + ": " + apiVersion + " " + resource.kind() + " is not a kind this check knows");
				}
				continue;
			}
			try {
				Method fromJson = model.getMethod("fromJson", String.class);
				fromJson.invoke(null, gson.toJson(resource.body()));
			}
			catch (InvocationTargetException ex) {
				problems.add(resource + ": " + ex.getCause().getMessage());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return problems;
	}

}
