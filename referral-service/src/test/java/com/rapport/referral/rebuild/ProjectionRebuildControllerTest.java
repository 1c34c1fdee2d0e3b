package com.rapport.referral.rebuild;

import com.rapport.referral.partner.query.PartnerView;
import com.rapport.referral.referral.query.ReferralView;
import com.rapport.support.axon.ReadModelReplay;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What a rebuild answers, without reading the rebuilt read models document by document. */
class ProjectionRebuildControllerTest {

    private final ReadModelReplay replay = mock(ReadModelReplay.class);
    private final ReactiveMongoTemplate mongo = mock(ReactiveMongoTemplate.class);
    private final ProjectionRebuildController controller = new ProjectionRebuildController(replay, mongo);

    @Test
    void answersTheCollectionsOwnCountsNeverAFilteredCountThatReadsEveryDocument() {
        when(replay.replay(anyCollection(), any())).thenReturn(1_000_002L);
        when(mongo.estimatedCount(PartnerView.class)).thenReturn(Mono.just(3L));
        when(mongo.estimatedCount(ReferralView.class)).thenReturn(Mono.just(166_667L));

        ProjectionRebuildController.Report report =
                controller.rebuild(new Caller("ops", Set.of(Role.OPS), null)).block();

        assertThat(report.eventsReplayed()).isEqualTo(1_000_002L);
        assertThat(report.partners()).isEqualTo(3L);
        assertThat(report.referrals()).isEqualTo(166_667L);
        verify(mongo, never()).count(any(Query.class), eq(ReferralView.class));
        verify(mongo, never()).count(any(Query.class), eq(PartnerView.class));
    }
}
