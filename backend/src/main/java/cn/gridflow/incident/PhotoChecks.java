package cn.gridflow.incident;

import java.util.ArrayList;
import java.util.List;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.ApiException.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * The photo rules of the intake ({@link Attachments#problemOf}) for other callers, e.g. photos added in the app to
 * a patrol report: all photos are checked before any is stored, and every problem is named.
 */
public final class PhotoChecks {

    private PhotoChecks() {
    }

    /** The photos decoded, or a 400 {@code errorCode} naming each refused photo; nothing is stored here. */
    public static List<Attachments.CheckedPhoto> check(List<Attachments.Photo> submitted, String errorCode) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Attachments.CheckedPhoto> photos = List.of();
        if (submitted == null || submitted.isEmpty()) {
            problems.add(new FieldProblem("photos", "field.required", "photos"));
        } else {
            photos = collect(submitted, problems);
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errorCode, problems);
        }
        return photos;
    }

    /** The photos that pass, decoded; each refused photo (and too many photos) is added to {@code problems}. */
    static List<Attachments.CheckedPhoto> collect(List<Attachments.Photo> submitted, List<FieldProblem> problems) {
        List<Attachments.CheckedPhoto> photos = new ArrayList<>();
        if (submitted.size() > Attachments.MAX_PHOTOS) {
            problems.add(new FieldProblem("photos", "field.photo.count", String.valueOf(Attachments.MAX_PHOTOS)));
            return photos;
        }
        for (int i = 0; i < submitted.size(); i++) {
            Attachments.Photo photo = submitted.get(i);
            byte[][] decoded = new byte[1][];
            String problem = Attachments.problemOf(photo, decoded);
            String name = photo == null || photo.fileName() == null ? "#" + (i + 1) : photo.fileName();
            if (problem != null) {
                problems.add(new FieldProblem("photos[" + i + "]", problem, name,
                        String.valueOf(Attachments.MAX_PHOTO_BYTES / 1024 / 1024)));
            } else {
                photos.add(new Attachments.CheckedPhoto(photo.fileName(), photo.contentType(), decoded[0]));
            }
        }
        return photos;
    }
}
