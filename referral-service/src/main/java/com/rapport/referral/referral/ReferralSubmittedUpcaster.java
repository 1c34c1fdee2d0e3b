package com.rapport.referral.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads a stored {@link ReferralSubmitted} of revision 1, where the client's details were top-level fields, as
 * revision 2, where they are nested under {@code client}. Stored events are never rewritten; every reader (the
 * aggregate, projections, the relay, a rebuild) sees the current shape.
 */
@Component
@Order(0)
public class ReferralSubmittedUpcaster extends SingleEventUpcaster {

    static final String TYPE = ReferralSubmitted.class.getName();
    static final String FROM_REVISION = "1";
    static final String TO_REVISION = "2";
    private static final List<String> CLIENT_FIELDS = List.of("company", "contactName", "contactEmail");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName())
                && FROM_REVISION.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, TO_REVISION), JsonNode.class,
                ReferralSubmittedUpcaster::nestClient);
    }

    static JsonNode nestClient(JsonNode revision1) {
        ObjectNode event = revision1.deepCopy();
        ObjectNode client = event.putObject("client");
        for (String field : CLIENT_FIELDS) {
            JsonNode value = event.remove(field);
            if (value != null) {
                client.set(field, value);
            }
        }
        return event;
    }
}
