package cn.gridflow.modeler;

import java.util.Locale;

import cn.gridflow.common.ApiException;

/** The three kinds of model the designer edits, with the file extension each is deployed under. */
public enum ModelKind {
    PROCESS(".bpmn"), DECISION(".dmn"), FORM(".form");

    private final String extension;

    ModelKind(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static ModelKind parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("DESIGNER_KIND", text);
        }
    }
}
