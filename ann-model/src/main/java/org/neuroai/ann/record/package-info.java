/** Recording what gradient-trained networks do, into the same traces as the bio side. */
package org.neuroai.ann.record;
