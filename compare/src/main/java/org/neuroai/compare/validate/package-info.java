/** Checks of every model against published numbers and theorems: neuroai validate. */
package org.neuroai.compare.validate;
