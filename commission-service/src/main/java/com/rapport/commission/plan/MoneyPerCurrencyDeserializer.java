package com.rapport.commission.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.events.money.InvalidMoneyException;
import com.rapport.events.money.Money;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Amounts per currency (caps, least payouts) as a list of money objects, one money object, or a map
 * {@code {"EUR": "50.00"}}: each reads the same, and the answer is always the list.
 */
public class MoneyPerCurrencyDeserializer extends JsonDeserializer<List<Money>> {

    @Override
    public List<Money> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        List<Money> amounts = new ArrayList<>();
        if (node == null || node.isNull()) {
            return amounts;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                amounts.add(money(item));
            }
        } else if (node.isObject() && node.has("amount")) {
            amounts.add(money(node));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                amounts.add(Money.of(text(field.getValue()), field.getKey()));
            }
        } else {
            throw new InvalidMoneyException("amounts per currency must be a list of money or a currency map");
        }
        return amounts;
    }

    @Override
    public List<Money> getNullValue(DeserializationContext ctxt) {
        return List.of();
    }

    private static Money money(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidMoneyException("money must be an object {\"amount\", \"currency\"}");
        }
        return Money.of(text(node.get("amount")), node.hasNonNull("currency") ? node.get("currency").asText() : null);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode() || value.isBoolean()) {
            throw new InvalidMoneyException("amount must be a decimal string or number");
        }
        // a JSON number keeps the digits it was written with (BigDecimal, never a double)
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }
}
