package com.rapport.notification.delivery.feed;

import com.rapport.support.kafka.RapportKafkaProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The live feed's topic, created if missing like the integration topics. Internal to this service. */
@Configuration(proxyBeanMethods = false)
class FeedTopicConfiguration {

    @Bean
    NewTopic notificationFeedTopic(FeedProperties feed, RapportKafkaProperties kafka) {
        return TopicBuilder.name(feed.topic()).partitions(kafka.getPartitions())
                .replicas(kafka.getReplicationFactor()).build();
    }
}
