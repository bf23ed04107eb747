package dev.keel.storage.tus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UploadMetadataTests {

	@Test
	void readsPairsWithBase64ValuesAndKeysWithoutValues() {
		Map<String, String> pairs = UploadMetadata.parse("filename " + base64("Résumé 2026.pdf") + ",filetype "
				+ base64("application/pdf") + ",is_confidential");

		assertThat(pairs).containsExactly(Map.entry("filename", "Résumé 2026.pdf"),
				Map.entry("filetype", "application/pdf"), Map.entry("is_confidential", ""));
		assertThat(UploadMetadata.name(pairs)).isEqualTo("Résumé 2026.pdf");
	}

	@Test
	void takesNameWhenThereIsNoFilename() {
		assertThat(UploadMetadata.name(UploadMetadata.parse("name " + base64("a.txt")))).isEqualTo("a.txt");
		assertThat(UploadMetadata.name(UploadMetadata.parse(null))).isNull();
	}

	@Test
	void refusesWhatIsNotWellFormed() {
		for (String header : new String[] { "filename not-base64!", "file name " + base64("x"), "a 1 2",
				"filename " + base64("a") + ",filename " + base64("b"), "x".repeat(5000),
				"," + "filename " + base64("x") }) {
			assertThatIllegalArgumentException().as(header).isThrownBy(() -> UploadMetadata.parse(header));
		}
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
