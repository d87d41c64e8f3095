package io.teei.nats.manifests.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index finds exactly what a scan of every subject in order finds. */
class SubjectIndexTest {

    private static final String[] TOKENS = {"a", "b", "c", "*", ">"};

    @Test
    void firstOverlapEqualsAScanInOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            SubjectIndex<Integer> index = new SubjectIndex<>();
            List<String> held = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String subject = subject(random);
                Optional<String> scan = held.stream().filter(s -> Subjects.overlap(subject, s)).findFirst();
                assertThat(index.firstOverlap(subject).map(SubjectIndex.Entry::subject)).as(subject + " in " + held)
                        .isEqualTo(scan);
                index.add(subject, i);
                held.add(subject);
            }
        }
    }

    private static String subject(Random random) {
        int length = 1 + random.nextInt(3);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            String token = TOKENS[random.nextInt(i == length - 1 ? TOKENS.length : TOKENS.length - 1)];
            tokens.add(token);
        }
        return String.join(".", tokens);
    }
}
