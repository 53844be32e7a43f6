/**
 * What the CRD generator needs beyond the fabric8 annotations. These classes run only when the CRDs are generated
 * (the crd-generator-maven-plugin provides their dependencies); nothing at run time refers to them.
 */
package io.cybershield.shield.api.crd;
