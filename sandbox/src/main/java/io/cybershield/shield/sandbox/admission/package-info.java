/**
 * Admission of custom resources as kube-apiserver (1.30–1.34) does it, without HTTP.
 *
 * <ul>
 *   <li>{@link io.cybershield.shield.sandbox.admission.CrdAdmission#compile} – compile a CRD once (schemas via networknt
 *       OpenAPI 3.0 dialect, {@code x-kubernetes-validations} via dev.cel); CEL compile errors become a
 *       {@link io.cybershield.shield.sandbox.admission.CrdInvalidException} with real-server field errors.</li>
 *   <li>{@link io.cybershield.shield.sandbox.admission.CrdAdmission#admit} – prune unknown fields, default, drop
 *       non-nullable nulls, validate metadata.name, schema, embedded resources, list types, then CEL (skipped with the
 *       extra {@code <nil>} cause after blocking schema errors).</li>
 *   <li>{@link io.cybershield.shield.sandbox.admission.CrdAdmission#defaultOnRead} – read-path prune + default.</li>
 *   <li>{@link io.cybershield.shield.sandbox.admission.KubeStatus} – Status bodies (422 Invalid, 400 strict decoding,
 *       404, 409, 405, 415, 406, 403) and the {@code Warning} header value for unknown fields.</li>
 * </ul>
 *
 * <p>Not modelled: validation ratcheting of unchanged fields on update, static CEL cost estimation at CRD write,
 * typed CEL declarations (self/oldSelf are {@code dyn}), the Kubernetes quantity/url/ip/cidr/format CEL libraries,
 * list-type set/map equality semantics inside CEL, formats other than date, date-time, ipv4, ipv6, uuid, email,
 * hostname.
 */
package io.cybershield.shield.sandbox.admission;
