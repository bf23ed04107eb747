/**
 * Queries over a collection's documents: RSQL filters, sorting, projections, keyset
 * cursors and counts, run against the raw MongoDB collection that the document feature
 * writes.
 * <p>
 * Nothing a client sends reaches MongoDB as an operator: filter field paths pass an
 * allow-list, every value becomes a typed literal, and the filter text is bounded before
 * the (recursive) RSQL parser sees it. Cursors carry the sort values of the last item, so
 * pages stay correct while documents come and go.
 * {@link dev.keel.data.query.DocumentQueries} is the entry point; everything else here is
 * package-private.
 */
package dev.keel.data.query;
