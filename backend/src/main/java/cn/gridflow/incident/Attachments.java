package cn.gridflow.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Stores event photos. Limits are checked before anything is written (see {@link #check}). */
@Component
public class Attachments {

    public static final int MAX_PHOTOS = 5;
    public static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private final JdbcTemplate jdbc;

    public Attachments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Photo(String fileName, String contentType, String base64) {
    }

    /** A photo decoded and checked, ready to store. */
    public record CheckedPhoto(String fileName, String contentType, byte[] content) {
    }

    /** Why a photo is refused, or null when it is fine; {@code decoded[0]} receives the bytes. */
    static String problemOf(Photo photo, byte[][] decoded) {
        if (photo == null || photo.base64() == null || photo.base64().isBlank()) {
            return "field.photo.encoding";
        }
        // Base64 inflates by 4/3: refuse before decoding something far too large.
        if (photo.base64().length() > (MAX_PHOTO_BYTES / 3 + 1) * 4 + 4) {
            return "field.photo.tooLarge";
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(photo.base64());
        } catch (IllegalArgumentException e) {
            return "field.photo.encoding";
        }
        if (bytes.length == 0) {
            return "field.photo.encoding";
        }
        if (bytes.length > MAX_PHOTO_BYTES) {
            return "field.photo.tooLarge";
        }
        if (!PHOTO_TYPES.contains(photo.contentType()) || !looksLike(photo.contentType(), bytes)) {
            return "field.photo.type";
        }
        decoded[0] = bytes;
        return null;
    }

    /** The declared type must match the file's own signature: a renamed executable is not a photo. */
    private static boolean looksLike(String contentType, byte[] b) {
        return switch (contentType) {
            case "image/jpeg" -> b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
            case "image/png" -> b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case "image/webp" -> b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                    && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
            default -> false;
        };
    }

    public List<String> store(String businessKey, String uploadedBy, List<CheckedPhoto> photos) {
        Timestamp now = Timestamp.from(Instant.now());
        return photos.stream().map(photo -> {
            String id = UUID.randomUUID().toString();
            jdbc.update("""
                    insert into gf_attachment (id, business_key, file_name, content_type, size_bytes, content,
                        uploaded_by, created) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, businessKey, photo.fileName() == null ? "photo" : photo.fileName(), photo.contentType(),
                    photo.content().length, photo.content(), uploadedBy, now);
            return id;
        }).toList();
    }
}
