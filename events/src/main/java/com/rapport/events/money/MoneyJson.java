package com.rapport.events.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;

/**
 * {@code {"amount": "1234.50", "currency": "EUR"}}: the amount is written as a decimal string so no JSON
 * client turns it into a binary float; requests may send a string or a JSON number.
 */
final class MoneyJson {

    private MoneyJson() {
    }

    static final class Serializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.amount().toPlainString());
            gen.writeStringField("currency", value.currencyCode());
            gen.writeEndObject();
        }
    }

    static final class Deserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new InvalidMoneyException("money must be an object {\"amount\", \"currency\"}");
            }
            String amount = null;
            String currency = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "amount" -> amount = switch (value) {
                        // getText() keeps the number exactly as written: 0.1 stays 0.1, never 0.1000000000000000055
                        case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
                        case VALUE_NULL -> null;
                        default -> throw new InvalidMoneyException("amount must be a decimal string or number");
                    };
                    case "currency" -> currency = switch (value) {
                        case VALUE_STRING -> p.getText();
                        case VALUE_NULL -> null;
                        default -> throw new InvalidMoneyException("currency must be an ISO 4217 code");
                    };
                    default -> p.skipChildren();
                }
            }
            return new Money(Money.parseAmount(amount), Money.currencyOf(currency));
        }
    }
}
