export default defineBackground(() => {
  console.log('TenderLens background');
});
