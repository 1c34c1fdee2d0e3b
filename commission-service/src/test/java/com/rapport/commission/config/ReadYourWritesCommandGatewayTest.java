package com.rapport.commission.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Unit test (mocks): when an answer waits for the read models and when it does not. */
class ReadYourWritesCommandGatewayTest {

    private final CommandGateway delegate = mock(CommandGateway.class);
    private final ReadModelBarrier barrier = mock(ReadModelBarrier.class);
    private final ReadYourWritesCommandGateway gateway = new ReadYourWritesCommandGateway(delegate, barrier);

    @Nested
    class FromARestCall {

        @Test
        void theAnswerComesOnlyOnceTheReadModelsHoldTheCommandsEvents() {
            CompletableFuture<Void> caughtUp = new CompletableFuture<>();
            when(barrier.mark()).thenReturn(41L);
            when(barrier.awaitAfter(41L)).thenReturn(caughtUp);
            when(delegate.send("command")).thenReturn(CompletableFuture.completedFuture("stored"));

            CompletableFuture<String> answer = gateway.send("command");

            assertThat(answer).isNotDone();
            caughtUp.complete(null);
            assertThat(answer).isCompletedWithValue("stored");
        }

        @Test
        void aRefusedCommandIsAnsweredAtOnce() {
            when(delegate.send("command")).thenReturn(CompletableFuture.failedFuture(new IllegalStateException("no")));

            CompletableFuture<String> answer = gateway.send("command");

            assertThat(answer).isCompletedExceptionally();
            verify(barrier, never()).awaitAfter(anyLong());
        }
    }

    @Nested
    class FromAnEventHandler {

        @Test
        void aCommandSentInsideAUnitOfWorkIsAnsweredOnceStoredWithoutWaitingForItsOwnProcessor() {
            when(delegate.send("command")).thenReturn(CompletableFuture.completedFuture("stored"));
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("x"));
            try {
                assertThat(gateway.<String>send("command")).isCompletedWithValue("stored");
            } finally {
                unitOfWork.rollback();
            }
            verify(barrier, never()).mark();
            verify(barrier, never()).awaitAfter(anyLong());
        }
    }
}
