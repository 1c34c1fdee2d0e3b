package com.rapport.commission.payout;

import com.rapport.commission.payout.PayoutClaimPlanner.ClaimedLines;
import com.rapport.events.money.Money;
import com.rapport.support.domain.CommandRefused;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Unit test (mocks): a batch the aggregate refuses to open gives its claims back and answers the refusal itself
 * (409 {@code entries-in-another-batch}), not "batch not opened, try again" (503).
 */
class BatchOpeningRefusedTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-11-30");

    private final PayoutClaimPlanner planner = mock(PayoutClaimPlanner.class);
    private final PayoutClaims claims = mock(PayoutClaims.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final PayoutBatchCreator creator = new PayoutBatchCreator(planner, claims, commands,
            Duration.ofSeconds(5));

    @Test
    void theAggregatesRefusalReachesTheCallerOnceTheClaimsAreBack() {
        CommandRefused refusal = CommandRefused.conflict("entries-in-another-batch", "Entries in another batch",
                "batch b holds entries that another batch holds; cancel this batch", Map.of("entryIds", List.of("e1")));
        when(planner.claim("b", AS_OF)).thenReturn(new ClaimedLines(
                List.of(new BatchLine("p", Money.of("10.00", "EUR"), List.of("e1"))), List.of()));
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(refusal));
        when(claims.releaseIfNeverOpened("b")).thenReturn(true);

        assertThatThrownBy(() -> creator.create("b", AS_OF, "alice")).isSameAs(refusal);
        verify(claims).releaseIfNeverOpened("b");
    }
}
