package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.attachment.InMemoryAttachmentStore;
import za.co.proconnectsa.support.spi.AttachmentStore;

class InMemoryAttachmentStoreTest extends AttachmentStoreContract {
    @Override
    protected AttachmentStore createStore() {
        return InMemoryAttachmentStore.create();
    }
}
