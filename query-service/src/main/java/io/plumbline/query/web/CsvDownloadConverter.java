package io.plumbline.query.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link CsvDownload}: {@code text/csv; charset=UTF-8}, named as an attachment, a
 * header line, and every text cell made safe for spreadsheets ({@link CsvCells#safe}), so no view
 * has to remember it. The API description shows a download as the string it is.
 */
@Component
class CsvDownloadConverter extends AbstractHttpMessageConverter<CsvDownload<?>> {

  static {
    SpringDocUtils.getConfig().replaceWithClass(CsvDownload.class, String.class);
  }

  private static final CsvMapper CSV = new CsvMapper();

  static {
    CSV.registerModule(
        new SimpleModule()
            .addSerializer(
                new StdSerializer<>(String.class) {
                  @Override
                  public void serialize(String text, JsonGenerator out, SerializerProvider unused)
                      throws IOException {
                    out.writeString(CsvCells.safe(text));
                  }
                }));
  }

  CsvDownloadConverter() {
    super(StandardCharsets.UTF_8, new MediaType("text", "csv"));
  }

  @Override
  protected boolean supports(Class<?> type) {
    return CsvDownload.class.isAssignableFrom(type);
  }

  @Override
  protected CsvDownload<?> readInternal(
      Class<? extends CsvDownload<?>> type, HttpInputMessage input) {
    throw new HttpMessageNotReadableException("CSV is only ever written", input);
  }

  @Override
  protected void writeInternal(CsvDownload<?> download, HttpOutputMessage output)
      throws IOException {
    // UTF-8 whatever charset the request asked for: the bytes below are UTF-8
    output.getHeaders().setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
    output
        .getHeaders()
        .setContentDisposition(
            ContentDisposition.attachment().filename(download.fileName() + ".csv").build());
    output
        .getBody()
        .write(
            CSV.writer(CSV.schemaFor(download.rowType()).withHeader())
                .writeValueAsBytes(download.rows()));
  }
}
