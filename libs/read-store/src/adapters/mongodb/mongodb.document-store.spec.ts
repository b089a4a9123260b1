import { describeWithService, uniqueResourceName } from '@gongjian/testing';
import { describeDocumentStoreContract } from '../../../../../test/contract/document-store.contract';
import { MongoDocumentStore } from './mongodb.document-store';

describeWithService('mongodb', 'MONGODB_URL', (url) => {
  describeDocumentStoreContract('mongodb', async () => {
    const store = await MongoDocumentStore.connect(url, {
      bulkChunkSize: Number(process.env.MONGODB_BULK_CHUNK_SIZE ?? 32),
    });
    return {
      store,
      freshName: (prefix) => uniqueResourceName(`rs_${prefix}`),
      cleanup: () => store.close(),
    };
  });
});
