package com.rapport.testsupport.database;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A sorted query over a whole collection, answered the way MongoDB answers one it cannot take from an index: the sort
 * keys of the matching documents are read once each and sorted with their documents' positions, and the documents
 * themselves are read a batch at a time as the client asks for them.
 *
 * <p>The stock collection sorted the documents themselves, with a comparator that looked each sort key up again,
 * splitting its path with a regular expression, at every one of the sort's comparisons (about twenty per document for
 * a million), and it held every matching document until the cursor was read to its end: the ledger export's million
 * entries (issue 9) waited about ten seconds for their first line, with the database's writes stopped meanwhile, and
 * needed a gigabyte of the database's heap where the stack gives it half of one. The order is the stock one: the same
 * key lookup, the same value comparison, key by key, ties in stored order.
 */
final class SortedScan {

    private SortedScan() {
    }

    /** Whether {@link #run} answers this query: a sort on fields, the whole documents asked for. */
    static boolean answers(Document orderBy, Document fieldSelector) {
        return orderBy != null && !orderBy.isEmpty() && !orderBy.containsKey("$natural")
                && (fieldSelector == null || fieldSelector.isEmpty());
    }

    static QueryResult run(MVMap<Object, Document> documents, Predicate<Document> matches, Document orderBy,
                           int numberToSkip, int limit, int batchSize, CursorRegistry cursors) {
        List<String> fields = new ArrayList<>(orderBy.keySet());
        List<Keyed> keyed = new ArrayList<>();
        for (Iterator<Map.Entry<Object, Document>> it = documents.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Object, Document> entry = it.next();
            Document document = entry.getValue();
            if (matches.test(document)) {
                Object[] keys = new Object[fields.size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = Utils.getSubdocumentValueCollectionAware(document, fields.get(i));
                }
                keyed.add(new Keyed(keys, entry.getKey()));
            }
        }
        keyed.sort(order(orderBy, fields));

        int from = Math.min(Math.max(numberToSkip, 0), keyed.size());
        int to = limit > 0 ? Math.min(keyed.size(), from + limit) : keyed.size();
        List<Object> positions = new ArrayList<>(to - from);
        for (Keyed each : keyed.subList(from, to)) {
            positions.add(each.position());
        }
        PositionsCursor rest = new PositionsCursor(cursors.generateCursorId(), documents, positions);
        // as the stock collection: no batch size asked for means every document in the first batch
        List<Document> firstBatch = rest.takeDocuments(batchSize > 0 ? batchSize : Integer.MAX_VALUE);
        if (rest.isEmpty()) {
            return new QueryResult(firstBatch);
        }
        cursors.add(rest);
        return new QueryResult(firstBatch, rest);
    }

    private static Comparator<Keyed> order(Document orderBy, List<String> fields) {
        Comparator<Keyed> order = (a, b) -> 0;
        for (int i = 0; i < fields.size(); i++) {
            int field = i;
            ValueComparator values = ((Number) orderBy.get(fields.get(i))).intValue() > 0
                    ? ValueComparator.asc() : ValueComparator.desc();
            order = order.thenComparing((a, b) -> values.compare(a.keys()[field], b.keys()[field]));
        }
        return order;
    }

    private record Keyed(Object[] keys, Object position) {
    }

    /** The sorted positions still to send; a document deleted since the sort is left out, as MongoDB's cursor does. */
    private static final class PositionsCursor extends AbstractCursor {

        private final MVMap<Object, Document> documents;
        private final List<Object> positions;
        private int next;

        PositionsCursor(long id, MVMap<Object, Document> documents, List<Object> positions) {
            super(id);
            this.documents = documents;
            this.positions = positions;
        }

        @Override
        public boolean isEmpty() {
            return next >= positions.size();
        }

        @Override
        public List<Document> takeDocuments(int numberToReturn) {
            List<Document> batch = new ArrayList<>(Math.min(numberToReturn, positions.size() - next));
            while (batch.size() < numberToReturn && next < positions.size()) {
                Document document = documents.get(positions.get(next++));
                if (document != null) {
                    batch.add(document);
                }
            }
            return batch;
        }
    }
}
