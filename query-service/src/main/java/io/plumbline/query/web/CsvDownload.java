package io.plumbline.query.web;

import java.util.List;

/**
 * A view's rows as a CSV download, {@code fileName}.csv: a header line from the row type, one line
 * a row. A controller answers it for the {@code .csv} twin of a JSON view; {@link
 * CsvDownloadConverter} writes every download the same way.
 */
public record CsvDownload<T>(String fileName, Class<T> rowType, List<T> rows) {}
