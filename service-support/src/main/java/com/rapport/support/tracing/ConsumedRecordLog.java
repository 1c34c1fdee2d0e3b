package com.rapport.support.tracing;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * One line per record a listener handled, written inside the listener's observation: with the trace id of the
 * request that caused the event in the log's correlation fields, an operator follows a partner's call from the
 * gateway into each consumer. Silenced with {@code logging.level.com.rapport.support.tracing.ConsumedRecordLog=warn}.
 */
public class ConsumedRecordLog implements RecordInterceptor<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ConsumedRecordLog.class);

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        if (log.isInfoEnabled()) {
            log.info("Handled {}-{}@{} (key {})", record.topic(), record.partition(), record.offset(), record.key());
        }
    }
}
