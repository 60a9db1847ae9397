# Settings of the shipped default model, shared by train-default-model.sh and heldout-eval.sh so that
# the held-out figures in the README describe the same recipe as the built-in model.
# What mattered (README, "The default model"): subsample (frame-keeping) first pooling, window 300,
# soft labels, 3% point mutations, 64 channels in the first block, and leaving out the 9.6 kb pPCP1
# plasmid (balanced sampling gives each genome an equal share, so a tiny genome is overfitted).
# Step 27 (a multiple of the pool product 9): every window shares one pooling phase, so the scan does
# about two thirds of the work of step 30 (the step does not change training, only the stored default).
# One training thread: the model bytes depend on the thread count (ghost batch norm), and one thread
# lets the held-out and the default model train side by side on two cores.
# shellcheck disable=SC2034
MODEL_SETTINGS=(
    --window 300 --step 27
    --channels 64,64,64 --kernels 9,9,9 --pools 3,3,1 --pool-kinds subsample,max,max --hidden 32
    --epochs 20 --windows-per-epoch 100000 --patience 30
    --mutation-rate 0.03 --dropout 0.2 --coding-fraction 0.5 --soft-labels
    --seed 1 --threads 1
)
