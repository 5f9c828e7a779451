/** Checks of every model against published numbers, theorems and independent references: neuroai validate. */
package org.neuroai.compare.validate;
