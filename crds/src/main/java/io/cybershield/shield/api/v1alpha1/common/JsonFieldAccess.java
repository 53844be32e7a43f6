package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes Jackson, and with it the CRD generator, read a record through its fields instead of its accessors; the JSON
 * is the same. Needed on every record with a {@code @ValidationRule} on a component: Java copies a component's
 * annotations to both the field and the accessor, and fabric8's CRD generator (7.5) collects the rules of both when
 * it reads the property through the accessor, so each rule would appear twice in the CRD.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@JacksonAnnotationsInside
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public @interface JsonFieldAccess {
}
